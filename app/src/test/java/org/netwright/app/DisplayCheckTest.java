package org.netwright.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisplayCheckTest {
    @Test
    void linuxWithoutAnyDisplaySaysWhatToDo() {
        String why = DisplayCheck.missing("Linux", Map.of(), null).orElseThrow();
        assertTrue(why.contains("DISPLAY") && why.contains("netwright templates"), why);
        assertTrue(DisplayCheck.missing("Linux", Map.of("DISPLAY", " "), null).isPresent(), "a blank DISPLAY is none");
    }

    @Test
    void anXOrWaylandDisplayOrMonocleOrAnotherSystemOpens() {
        assertEquals(Optional.empty(), DisplayCheck.missing("Linux", Map.of("DISPLAY", ":99"), null));
        assertEquals(Optional.empty(), DisplayCheck.missing("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null));
        assertEquals(Optional.empty(), DisplayCheck.missing("Linux", Map.of(), "Monocle"));
        assertEquals(Optional.empty(), DisplayCheck.missing("Windows 11", Map.of(), null));
        assertEquals(Optional.empty(), DisplayCheck.missing("Mac OS X", Map.of(), null));
    }
}
