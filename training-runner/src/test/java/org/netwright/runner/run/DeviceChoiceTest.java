package org.netwright.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {
    @Test
    void aWorkingGpuIsTakenByAutoAndGpu() {
        assertEquals(Device.gpu(), DeviceChoice.choose("auto", 1, d -> true, true).device());
        assertEquals(Device.gpu(), DeviceChoice.choose("gpu", 1, d -> true, false).device());
        assertEquals(Device.cpu(), DeviceChoice.choose("cpu", 1, d -> true, true).device());
    }

    @Test
    void aListedGpuThatCannotComputeFallsBackToTheCpuWithAReason() {
        DeviceChoice c = DeviceChoice.choose("auto", 1, d -> false, true);
        assertEquals(Device.cpu(), c.device());
        assertTrue(c.notice().orElseThrow().contains("could not compute"), c.notice().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceChoice.choose("gpu", 1, d -> false, true));
        assertTrue(e.getMessage().contains("--device cpu"), e.getMessage());
    }

    @Test
    void theGpuBuildWithoutAGpuSaysWhyAndTheCpuBuildStaysQuiet() {
        DeviceChoice gpuBuild = DeviceChoice.choose("auto", 0, d -> true, true);
        assertEquals(Device.cpu(), gpuBuild.device());
        assertTrue(gpuBuild.notice().orElseThrow().contains("driver"), gpuBuild.notice().toString());
        assertTrue(DeviceChoice.choose("auto", 0, d -> true, false).notice().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> DeviceChoice.choose("gpu", 0, d -> true, false));
    }

    @Test
    void theCpuOfThisMachineWorks() {
        assertEquals(Device.cpu(), DeviceChoice.choose("cpu").device());
    }
}
