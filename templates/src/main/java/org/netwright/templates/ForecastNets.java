package org.netwright.templates;

import java.util.Map;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;

/** Templates that forecast the next values of a series from a window of its past. */
final class ForecastNets {
    static final String LSTM_FORECAST = "lstm-forecast";
    static final String CONV1D_FORECAST = "conv1d-forecast";
    static final int STEPS = 24;
    static final int HORIZON = 6;

    private ForecastNets() {
    }

    private static DataRecipe series() {
        return DataRecipe.generator("seasonal_series", Map.of("samples", 600, "steps", STEPS, "horizon", HORIZON,
                "period", 12, "trend", 0.001, "noise", 0.1));
    }

    /** An LSTM reads 24 past values and a dense layer gives the next 6, trained with mean squared error. */
    static Template lstmForecast() {
        var graph = new GraphBuilder()
                .input("sequence_input", Map.of("steps", STEPS, "features", 1))
                .then("lstm", Map.of("hidden", 32))
                .then("dense", Map.of("units", HORIZON))
                .build();
        var settings = new TrainingSettings(20, 32, 0.01, "adam", "auto", 42, 0.2, 0.2, series());
        return new Template(LSTM_FORECAST, "Forecasting: an LSTM predicts the next values",
                "Reads 24 steps of a noisy seasonal series with a trend and predicts the next 6 with an LSTM; the"
                        + " test part is the latest 20 % in time. Reports MAE, RMSE and R².", graph, settings);
    }

    /**
     * Two 1-d convolutions over the window (turned channels first, 1×24) and a dense layer for the next 6
     * values: faster per step than the LSTM and as good on a season this short.
     */
    static Template conv1dForecast() {
        var graph = new GraphBuilder()
                .input("sequence_input", Map.of("steps", STEPS, "features", 1))
                .then("permute", Map.of("order", "1,0"))
                .then("conv1d", Map.of("filters", 16, "kernel", 5, "padding", "same")).then("relu")
                .then("conv1d", Map.of("filters", 16, "kernel", 5, "padding", "same")).then("relu")
                .newRow()
                .then("flatten")
                .then("dense", Map.of("units", HORIZON))
                .build();
        var settings = new TrainingSettings(20, 32, 0.005, "adam", "auto", 42, 0.2, 0.2, series());
        return new Template(CONV1D_FORECAST, "Forecasting: a 1-d CNN predicts the next values",
                "Slides two layers of 1-d filters over 24 steps of a noisy seasonal series and predicts the next 6"
                        + " with a dense layer; the test part is the latest 20 % in time.", graph, settings);
    }
}
