package org.netwright.editor.inspector;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.netwright.model.catalog.BoolParam;
import org.netwright.model.catalog.ChoiceParam;
import org.netwright.model.catalog.DoubleParam;
import org.netwright.model.catalog.IntParam;
import org.netwright.model.catalog.ParamSpec;
import org.netwright.model.catalog.TextParam;

/**
 * One row of the inspector: the editor a parameter's type calls for, its help, and a red line
 * with the reason when a typed value is refused (the field then shows the value still in force).
 */
final class ParamEditor extends VBox {
    private final ParamSpec spec;
    private final Function<Object, Optional<String>> commit;
    private final Label error = new Label();
    private final Control control;
    private Object current;
    private boolean showing;

    /**
     * @param commit applies a new value and answers why it was refused, or empty when it was applied
     */
    ParamEditor(ParamSpec spec, Object current, Function<Object, Optional<String>> commit) {
        super(3);
        this.spec = spec;
        this.commit = commit;
        this.current = current;
        getStyleClass().add("param-editor");
        error.setId("param-" + spec.name() + "-error");
        error.getStyleClass().add("param-error");
        error.setWrapText(true);
        hideError();

        // Java 17 has no pattern switch (preview only), so the sealed types are matched in turn.
        if (spec instanceof IntParam || spec instanceof DoubleParam || spec instanceof TextParam) {
            control = textField();
            getChildren().add(header(spec.label(), spec.range()));
            getChildren().add(control);
        } else if (spec instanceof ChoiceParam choice) {
            control = comboBox(choice);
            getChildren().add(header(spec.label(), null));
            getChildren().add(control);
        } else if (spec instanceof BoolParam) {
            control = checkBox();
            getChildren().add(control);
        } else {
            throw new IllegalArgumentException("No editor for " + spec.getClass().getSimpleName());
        }
        control.setId("param-" + spec.name());
        control.setTooltip(new Tooltip(spec.help() + "\nAllowed: " + spec.range()));
        control.setMaxWidth(Double.MAX_VALUE);
        Label help = new Label(spec.help());
        help.getStyleClass().add("inspector-help");
        help.setWrapText(true);
        getChildren().addAll(help, error);
        show(current);
    }

    private static HBox header(String label, String range) {
        Label name = new Label(label);
        name.getStyleClass().add("inspector-label");
        HBox row = new HBox(6, name);
        if (range != null) {
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label allowed = new Label(range);
            allowed.getStyleClass().add("inspector-help");
            row.getChildren().addAll(gap, allowed);
        }
        return row;
    }

    private TextField textField() {
        TextField field = new TextField();
        field.setOnAction(e -> commitText(field));
        // The red reason answers the refused value; once the field holds an acceptable value again it goes.
        field.textProperty().addListener((o, was, now) -> {
            if (!showing && error.isVisible() && acceptable(now)) {
                hideError();
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commitText(field);
            }
        });
        return field;
    }

    private ComboBox<String> comboBox(ChoiceParam choice) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(choice.choices());
        box.setOnAction(e -> {
            if (!showing) {
                offer(box.getValue());
            }
        });
        return box;
    }

    private CheckBox checkBox() {
        CheckBox box = new CheckBox(spec.label());
        box.getStyleClass().add("inspector-label");
        box.setOnAction(e -> offer(box.isSelected()));
        return box;
    }

    private void commitText(TextField field) {
        String text = field.getText() == null ? "" : field.getText();
        if (text.equals(display(current))) {
            hideError();
            return;
        }
        Object value;
        try {
            value = spec.parse(text);
        } catch (IllegalArgumentException refused) {
            refuse(refused.getMessage());
            return;
        }
        offer(value);
    }

    /** True when {@code text} parses to a value in range (the graph may still refuse it, e.g. a bad shape). */
    private boolean acceptable(String text) {
        try {
            spec.parse(text == null ? "" : text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void offer(Object value) {
        if (Objects.equals(value, current)) {
            hideError();
            show(current);
            return;
        }
        Optional<String> why = commit.apply(value);
        if (why.isPresent()) {
            refuse(why.get());
        } else {
            hideError();
        }
    }

    private void refuse(String reason) {
        error.setText(reason);
        error.setVisible(true);
        error.setManaged(true);
        control.getStyleClass().add("param-invalid");
        show(current);
    }

    private void hideError() {
        error.setText("");
        error.setVisible(false);
        error.setManaged(false);
        if (control != null) {
            control.getStyleClass().remove("param-invalid");
        }
    }

    /** Takes back the red line when it says {@code reason}, e.g. the run's lock once the run has ended. */
    void withdraw(String reason) {
        if (error.isVisible() && reason != null && !reason.isEmpty() && reason.equals(error.getText())) {
            hideError();
        }
    }

    /** Shows the value now in the graph, e.g. after a commit, an undo or a refusal. */
    void show(Object value) {
        current = value;
        showing = true;
        try {
            if (control instanceof TextField field) {
                field.setText(display(value));
            } else if (control instanceof ComboBox<?> box) {
                @SuppressWarnings("unchecked")
                ComboBox<String> choices = (ComboBox<String>) box;
                choices.setValue(Objects.toString(value, null));
            } else if (control instanceof CheckBox box) {
                box.setSelected(Boolean.TRUE.equals(value));
            }
        } finally {
            showing = false;
        }
    }

    private static String display(Object value) {
        return value == null ? "" : value.toString();
    }

    String name() {
        return spec.name();
    }

    Node control() {
        return control;
    }
}
