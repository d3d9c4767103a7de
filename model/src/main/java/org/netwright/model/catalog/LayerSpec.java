package org.netwright.model.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.netwright.model.shape.ShapeRule;

/**
 * What the catalog knows of one layer type: its id, name, palette group, explanation, typed
 * parameters, ports and shape rule. Plain data; the runner and the editor read it. Both port
 * lists may depend on the parameters (Add with 3 inputs, Split into 4 parts).
 */
public record LayerSpec(
        String id,
        String name,
        LayerFamily family,
        String explanation,
        List<ParamSpec> params,
        Function<LayerParams, List<String>> inputPortRule,
        Function<LayerParams, List<String>> outputPortRule,
        ShapeRule shapeRule) {

    public LayerSpec {
        params = List.copyOf(params);
    }

    /** A layer whose output ports are the same for every parameter value. */
    public LayerSpec(String id, String name, LayerFamily family, String explanation, List<ParamSpec> params,
                     Function<LayerParams, List<String>> inputPortRule, List<String> outputPorts, ShapeRule shapeRule) {
        this(id, name, family, explanation, params, inputPortRule, fixed(outputPorts), shapeRule);
    }

    private static Function<LayerParams, List<String>> fixed(List<String> ports) {
        List<String> copy = List.copyOf(ports);
        return p -> copy;
    }

    /** Output port names for these parameter values, in the order the shape rule gives their shapes. */
    public List<String> outputPorts(LayerParams p) {
        return List.copyOf(outputPortRule.apply(p));
    }

    /** Output port names with the default parameters; use {@link #outputPorts(LayerParams)} for a node's own. */
    public List<String> outputPorts() {
        return outputPorts(resolve(Map.of()));
    }

    /** Input port names for these parameter values (Add with 3 inputs has in1, in2, in3). */
    public List<String> inputPorts(LayerParams p) {
        return inputPortRule.apply(p);
    }

    public boolean isInput() {
        return family == LayerFamily.INPUT;
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The defaults of every parameter, in the spec's order. */
    public Map<String, Object> defaults() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec p : params) {
            out.put(p.name(), p.defaultValue());
        }
        return out;
    }

    /** Fills defaults in and coerces raw values; unknown names are dropped. */
    public LayerParams resolve(Map<String, Object> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec p : params) {
            Object v = raw.get(p.name());
            out.put(p.name(), v == null ? p.defaultValue() : p.coerce(v));
        }
        return new LayerParams(out);
    }

    /** Every parameter problem of these raw values, each naming the parameter. */
    public List<String> problems(Map<String, Object> raw) {
        List<String> out = new ArrayList<>();
        LayerParams resolved = resolve(raw);
        for (ParamSpec p : params) {
            p.whyInvalid(resolved.get(p.name())).ifPresent(out::add);
        }
        return out;
    }
}
