package org.netwright.editor;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Works around a Monocle 17 quirk for headless UI tests. Monocle's MouseInput remembers the
 * view of the first plain mouse drag and only forgets it at the end of a drag-and-drop. TestFX
 * hides the stage after each test, which gives the next test a new view; the next
 * drag-and-drop then sends a drag-leave to the old view, which never had a drag-enter, and
 * JavaFX throws. Forgetting that view when a test's window is built avoids it. Outside Monocle
 * (e.g. under Xvfb) this does nothing.
 */
public final class MonocleDragFix {
    private MonocleDragFix() {
    }

    public static void forgetStaleDragView() {
        try {
            Class<?> input = Class.forName("com.sun.glass.ui.monocle.MouseInput");
            Method getInstance = input.getDeclaredMethod("getInstance");
            getInstance.setAccessible(true);
            Object instance = getInstance.invoke(null);
            Field dragView = input.getDeclaredField("dragView");
            dragView.setAccessible(true);
            dragView.set(instance, null);
        } catch (ClassNotFoundException notMonocle) {
            // A real windowing system has no such state to reset.
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Monocle changed; revisit this workaround", e);
        }
    }
}
