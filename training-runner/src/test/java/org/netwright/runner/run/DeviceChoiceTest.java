package org.netwright.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {
    @Test
    void aWorkingGpuIsTakenByAutoAndGpu() {
        assertEquals(Device.gpu(), DeviceChoice.choose("auto", 1, d -> Optional.empty(), true).device());
        assertEquals(Device.gpu(), DeviceChoice.choose("gpu", 1, d -> Optional.empty(), false).device());
        assertEquals(Device.cpu(), DeviceChoice.choose("cpu", 1, d -> Optional.empty(), true).device());
    }

    @Test
    void aListedGpuThatCannotComputeFallsBackToTheCpuWithAReason() {
        DeviceChoice c = DeviceChoice.choose("auto", 1, d -> Optional.of("CUDA error: no kernel image is available"), true);
        assertEquals(Device.cpu(), c.device());
        assertTrue(c.notice().orElseThrow().contains("could not compute"), c.notice().toString());
        assertTrue(c.notice().orElseThrow().contains("no kernel image is available"), "the engine's words are kept");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceChoice.choose("gpu", 1, d -> Optional.of("CUDA error: no kernel image is available"), true));
        assertTrue(e.getMessage().contains("--device cpu"), e.getMessage());
    }

    @Test
    void theGpuBuildWithoutAGpuSaysWhyAndTheCpuBuildStaysQuiet() {
        DeviceChoice gpuBuild = DeviceChoice.choose("auto", 0, d -> Optional.empty(), true);
        assertEquals(Device.cpu(), gpuBuild.device());
        assertTrue(gpuBuild.notice().orElseThrow().contains("driver"), gpuBuild.notice().toString());
        assertTrue(DeviceChoice.choose("auto", 0, d -> Optional.empty(), false).notice().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> DeviceChoice.choose("gpu", 0, d -> Optional.empty(), false));
    }

    @Test
    void anEngineErrorIsCutToItsFirstLine() {
        assertEquals("set_stride is not allowed", DeviceChoice.firstLine(
                new IllegalStateException("set_stride is not allowed\nException raised from ...")));
        assertEquals("IllegalStateException", DeviceChoice.firstLine(new IllegalStateException()));
        assertEquals(160, DeviceChoice.firstLine(new RuntimeException("x".repeat(500))).length());
    }

    @Test
    void theCpuOfThisMachineWorks() {
        assertEquals(Device.cpu(), DeviceChoice.choose("cpu").device());
    }

    @Test
    void aRefusedGpuNamesTheFlagAtTheCommandLineAndTheDeviceListInTheApp() {
        String cli = assertThrows(IllegalArgumentException.class,
                () -> DeviceChoice.choose("gpu", 0, d -> Optional.empty(), false)).getMessage();
        assertTrue(cli.startsWith("--device gpu was asked for, but ") && cli.endsWith("; use --device cpu or auto."), cli);
        String was = System.getProperty(org.netwright.runner.data.DataOption.AUDIENCE_PROPERTY);
        System.setProperty(org.netwright.runner.data.DataOption.AUDIENCE_PROPERTY, "app");
        try {
            String app = assertThrows(IllegalArgumentException.class,
                    () -> DeviceChoice.choose("gpu", 0, d -> Optional.empty(), false)).getMessage();
            assertTrue(app.startsWith("The GPU was chosen in the Device list of Options… (Start and device), but ")
                    && app.endsWith("; choose cpu or auto there."), app);
            assertFalse(app.contains("--"), app);
        } finally {
            if (was == null) {
                System.clearProperty(org.netwright.runner.data.DataOption.AUDIENCE_PROPERTY);
            } else {
                System.setProperty(org.netwright.runner.data.DataOption.AUDIENCE_PROPERTY, was);
            }
        }
    }
}
