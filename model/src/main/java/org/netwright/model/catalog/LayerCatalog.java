package org.netwright.model.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every layer type Netwright knows, by id, in palette order. */
public final class LayerCatalog {
    private static final LayerCatalog STANDARD = new LayerCatalog(standardSpecs());

    private final Map<String, LayerSpec> specs;

    private LayerCatalog(List<LayerSpec> all) {
        Map<String, LayerSpec> map = new LinkedHashMap<>();
        for (LayerSpec s : all) {
            if (map.put(s.id(), s) != null) {
                throw new IllegalStateException("Two layer specs share the id " + s.id());
            }
        }
        this.specs = Collections.unmodifiableMap(map);
    }

    public static LayerCatalog standard() {
        return STANDARD;
    }

    private static List<LayerSpec> standardSpecs() {
        List<LayerSpec> all = new ArrayList<>();
        all.addAll(InputLayers.all());
        all.addAll(CoreLayers.all());
        all.addAll(ShapingLayers.all());
        all.addAll(NormalizationLayers.all());
        all.addAll(ActivationLayers.all());
        all.addAll(ConvolutionLayers.all());
        all.addAll(PoolingLayers.all());
        all.addAll(MergeLayers.all());
        all.addAll(RecurrentLayers.all());
        all.addAll(AttentionLayers.all());
        all.addAll(GraphLayers.all());
        all.addAll(GenerativeLayers.all());
        all.addAll(CompositeLayers.all());
        return all;
    }

    public Optional<LayerSpec> find(String id) {
        return Optional.ofNullable(specs.get(id));
    }

    public LayerSpec require(String id) {
        LayerSpec s = specs.get(id);
        if (s == null) {
            throw new IllegalArgumentException("Unknown layer type '" + id + "'. Known: " + String.join(", ", specs.keySet()));
        }
        return s;
    }

    public Collection<LayerSpec> all() {
        return specs.values();
    }

    public List<LayerSpec> family(LayerFamily family) {
        return specs.values().stream().filter(s -> s.family() == family).toList();
    }
}
