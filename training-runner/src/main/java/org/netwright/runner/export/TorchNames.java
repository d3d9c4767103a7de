package org.netwright.runner.export;

import java.util.Set;

/**
 * Python names for our node ids: the id itself when it is a valid identifier that clashes with nothing, else a
 * cleaned form. The same function names the submodules in {@code model.py} and the tensors in {@code weights.npz},
 * so the two always agree.
 */
final class TorchNames {
    /** Keywords, and attributes of nn.Module that a submodule must not shadow. */
    private static final Set<String> TAKEN = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield", "self", "training", "forward", "train", "eval", "state_dict", "load_state_dict",
            "parameters", "named_parameters", "modules", "named_modules", "children", "named_children", "buffers",
            "apply", "cuda", "cpu", "to", "type", "float", "double", "half", "zero_grad", "register_buffer",
            "register_parameter", "add_module", "requires_grad_", "extra_repr", "dump_patches", "call_super_init",
            "get_submodule", "get_parameter", "get_buffer", "share_memory", "bfloat16", "ipu", "xpu", "torch", "nn",
            "np", "F", "math", "os");

    private TorchNames() {
    }

    /** A Python identifier for one path segment of a node id. */
    static String of(String id) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        String name = b.length() == 0 ? "node" : b.toString();
        if (Character.isDigit(name.charAt(0))) {
            name = "n_" + name;
        }
        // Python reserves names with two leading underscores in classes, and nn.Module keeps its own under _.
        if (name.startsWith("_")) {
            name = "n" + name;
        }
        return TAKEN.contains(name) ? name + "_" : name;
    }

    /** The dotted module path of a flat node id ({@code block1/conv_2} becomes {@code block1.conv_2}). */
    static String modulePath(String flatId) {
        StringBuilder b = new StringBuilder();
        for (String part : flatId.split("/", -1)) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(of(part));
        }
        return b.toString();
    }

    /** A Python string literal. */
    static String quote(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 32 || c > 126) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
