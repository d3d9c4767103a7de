package org.netwright.templates;

import java.util.Map;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;

/** Templates that predict numbers rather than classes: regression on a table. */
final class RegressionNets {
    static final String REGRESSION_MLP = "regression-mlp";

    private RegressionNets() {
    }

    /**
     * A 2-64-64-1 tanh MLP fitted to a smooth function of two variables with mean squared error; tanh keeps the
     * fitted surface smooth, which is what the data are.
     */
    static Template regressionMlp() {
        var graph = new GraphBuilder()
                .input("vector_input", Map.of("features", 2))
                .then("dense", Map.of("units", 64)).then("tanh")
                .then("dense", Map.of("units", 64)).then("tanh")
                .then("dense", Map.of("units", 1))
                .build();
        var settings = new TrainingSettings(60, 32, 0.005, "adam", "auto", 42, 0.2, 0.2,
                DataRecipe.generator("smooth_function", Map.of("samples", 1000, "noise", 0.05)));
        return new Template(REGRESSION_MLP, "Regression: an MLP fits a smooth function",
                "Predicts a number from two inputs (y = sin(1.5·x1)·cos(x2) + ...) with mean squared error; reports"
                        + " MAE, RMSE and R².", graph, settings);
    }
}
