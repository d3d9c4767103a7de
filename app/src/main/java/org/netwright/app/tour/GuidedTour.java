package org.netwright.app.tour;

import java.util.List;

/** The tour of the main window: palette, canvas, inspector, data, Train and the charts, in the order of first use. */
public final class GuidedTour {
    public static final List<TourStep> STEPS = List.of(
            new TourStep("#palette", "1. Layers",
                    "Every layer Netwright knows, by family. Drag one onto the canvas (or double-click it) to add it; "
                            + "type in the search box to find one by name."),
            new TourStep("#levels-view", "2. The network",
                    "Your network as cards joined by connections. Drag from a card's right dot to another card's left "
                            + "dot to connect them. A red card says what is wrong with it. Double-click a block to edit "
                            + "the layers inside it."),
            new TourStep("#inspector", "3. Settings of a layer",
                    "Click a card to see here what the layer does, its settings, the shapes going in and out and "
                            + "what it costs. Changes apply at once and can be undone with Ctrl+Z."),
            new TourStep("#data-row", "4. Data",
                    "What the network learns from: a built-in generator or a file of your own (File > Import Data…). "
                            + "This line says whether the data fits the network's input and output."),
            new TourStep("#train-button", "5. Train",
                    "Starts training with the settings beside it; Stop ends it within a second. The network is "
                            + "locked while it trains."),
            new TourStep("#loss-chart", "6. Charts",
                    "The loss falls here as the network learns, for the training and the validation part. Runs… "
                            + "compares earlier runs; Run > Look Inside Latest Run… shows what it learned."));

    private GuidedTour() {
    }
}
