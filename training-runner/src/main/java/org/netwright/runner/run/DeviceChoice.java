package org.netwright.runner.run;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which device a run trains on, and why when it is not the one hoped for. A GPU the engine lists is tried with one
 * small computation first, because a driver too old for the bundled CUDA, or a card the build has no kernels for,
 * is only found out when something runs; {@code auto} then falls back to the CPU and says so, {@code gpu} refuses.
 * The GPU build of the app ({@code -Dnetwright.flavor=gpu}) also says why when it finds no GPU at all.
 */
public record DeviceChoice(Device device, Optional<String> notice) {
    /** The system property the GPU build sets, so a CPU-only outcome can be explained. */
    public static final String FLAVOR_PROPERTY = "netwright.flavor";

    /** The device for a setting ({@code auto}, {@code cpu} or {@code gpu}) on this machine. */
    public static DeviceChoice choose(String setting) {
        return choose(setting, Engine.getInstance().getGpuCount(), DeviceChoice::failure,
                "gpu".equals(System.getProperty(FLAVOR_PROPERTY)));
    }

    /**
     * The choice for {@code gpus} listed GPUs, with {@code failure} giving the engine's reason when a device does
     * not compute correctly (empty when it does);
     * {@code gpuBuild} when this is the build that bundles CUDA.
     *
     * @throws IllegalArgumentException when {@code gpu} is asked for and no GPU works, with the reason
     */
    static DeviceChoice choose(String setting, int gpus, Function<Device, Optional<String>> failure,
            boolean gpuBuild) {
        String s = setting == null ? "auto" : setting;
        if (s.equals("cpu")) {
            return new DeviceChoice(Device.cpu(), Optional.empty());
        }
        if (gpus == 0) {
            String why = gpuBuild
                    ? "this is the GPU build, but the engine sees no GPU here (no NVIDIA card, or no NVIDIA driver"
                            + " new enough for CUDA 12.8: version 570 or newer)"
                    : "the engine sees no GPU here (this build's libtorch is for the CPU only)";
            if (s.equals("gpu")) {
                throw new IllegalArgumentException(gpuRefused(why));
            }
            return new DeviceChoice(Device.cpu(), gpuBuild ? Optional.of("Training on the CPU: " + why + ".")
                    : Optional.empty());
        }
        Device gpu = Device.gpu();
        Optional<String> failed = failure.apply(gpu);
        if (failed.isEmpty()) {
            return new DeviceChoice(gpu, Optional.empty());
        }
        // The engine's own words come first: a libtorch of another version than the JNI's (seen on a machine whose
        // PyTorch was 2.11) fails here too, and the usual causes alone would send the user to update the driver.
        String why = "GPU 0 is listed but could not compute (" + failed.get() + "; usual causes: a driver older than"
                + " the bundled CUDA, a card this libtorch has no kernels for, or a libtorch other than 2.7.1)";
        if (s.equals("gpu")) {
            throw new IllegalArgumentException(gpuRefused(why));
        }
        return new DeviceChoice(Device.cpu(), Optional.of("Training on the CPU: " + why + "."));
    }

    /** Why {@code device} does not compute 1+1 correctly, empty when it does. */
    private static Optional<String> failure(Device device) {
        try (NDManager m = NDManager.newBaseManager(device)) {
            NDArray one = m.ones(new ai.djl.ndarray.types.Shape(1));
            float two = one.add(one).toFloatArray()[0];
            return two == 2f ? Optional.empty() : Optional.of("1 + 1 gave " + two);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return Optional.of(firstLine(e));
        }
    }

    /** The first line of an engine error, short enough for a status line. */
    static String firstLine(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int end = text.indexOf('\n');
        text = end < 0 ? text : text.substring(0, end).strip();
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }

    /**
     * Why a run that asked for the GPU does not start: at the command line in its flags, in the app naming the Device
     * list where the GPU was chosen.
     */
    static String gpuRefused(String why) {
        org.netwright.runner.data.DataOption device = org.netwright.runner.data.DataOption.DEVICE;
        return org.netwright.runner.data.DataOption.forApp()
                ? "The GPU was chosen in " + device.where() + ", but " + why + "; choose cpu or auto there."
                : device.set("gpu") + " was asked for, but " + why + "; use " + device.set("cpu") + " or auto.";
    }
}
