package org.netwright.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Child processes get MKL's fixed code path unless the user chose one; the tests run with it too. */
class NumericEnvironmentTest {

    @Test
    void childrenGetTheFixedPathAndAUsersChoiceIsKept() {
        Map<String, String> env = new HashMap<>();
        NumericEnvironment.apply(env);
        assertEquals("COMPATIBLE", env.get("MKL_CBWR"));
        Map<String, String> mine = new HashMap<>(Map.of("MKL_CBWR", "AVX2"));
        NumericEnvironment.apply(mine);
        assertEquals("AVX2", mine.get("MKL_CBWR"));
        ProcessBuilder b = NumericEnvironment.apply(new ProcessBuilder("true"));
        assertTrue(b.environment().containsKey("MKL_CBWR"));
    }

    @Test
    void theTestJvmRunsWithIt() {
        // Set by the parent POM's surefire configuration, so seeded runs in tests repeat exactly.
        assertTrue(NumericEnvironment.repeatable(), "MKL_CBWR is not set in the test JVM");
    }
}
