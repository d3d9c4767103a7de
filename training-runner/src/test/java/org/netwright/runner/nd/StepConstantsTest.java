package org.netwright.runner.nd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Constants lent to each step: made once, derived once, and whatever a step computes from them closes with it. */
class StepConstantsTest {

    @Test
    void aDerivedArrayIsMadeOnceWhileItsSourceIsLentAndEveryStepResultClosesWithTheStep() {
        try (NDManager model = NDManager.newBaseManager()) {
            AtomicInteger made = new AtomicInteger();
            NDArray derivedFirst = null;
            try (StepConstants constants = new StepConstants(model)) {
                NDArray a = constants.keep(model.create(new float[] {1, 2, 3}));
                for (int step = 0; step < 3; step++) {
                    NDArray fromStep;
                    NDArray derived;
                    try (NDManager scope = model.newSubManager()) {
                        constants.lendTo(scope);
                        try {
                            derived = StepConstants.derive(a, "double", x -> {
                                made.incrementAndGet();
                                return x.add(x);
                            });
                            fromStep = derived.mul(a);
                            assertSame(scope, fromStep.getManager());
                        } finally {
                            constants.takeBack();
                        }
                    }
                    if (derivedFirst == null) {
                        derivedFirst = derived;
                    }
                    assertSame(derivedFirst, derived);
                    assertTrue(fromStep.isReleased(), "a step's own result closes with the step");
                    assertFalse(a.isReleased());
                    assertArrayEquals(new float[] {2, 4, 6}, derived.toFloatArray());
                }
                assertEquals(1, made.get());
            }
            assertTrue(derivedFirst.isReleased(), "closing the constants closes what was derived from them");
        }
    }

    @Test
    void anArrayThatIsNotLentIsDerivedAnewEachTime() {
        try (NDManager m = NDManager.newBaseManager(); StepConstants constants = new StepConstants(m)) {
            NDArray kept = constants.keep(m.create(new float[] {1, 2}));
            NDArray other = m.create(new float[] {1, 2});
            NDArray first = StepConstants.derive(other, "double", x -> x.add(x));
            NDArray second = StepConstants.derive(other, "double", x -> x.add(x));
            assertNotSame(first, second);
            // Not lent now: the kept one is derived anew too.
            assertNotSame(StepConstants.derive(kept, "double", x -> x.add(x)),
                    StepConstants.derive(kept, "double", x -> x.add(x)));
        }
    }
}
