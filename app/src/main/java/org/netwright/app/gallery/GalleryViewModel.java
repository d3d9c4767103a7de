package org.netwright.app.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The gallery's state: the family and task filters and the choices each offers, the templates they let through (the
 * built-in ones and the user's own) and the chosen one. The task choices follow the family: only tasks some template of
 * that family learns, so a filter never offers a pair that shows nothing; a chosen task the new family lacks goes back
 * to {@link #ALL}.
 */
public final class GalleryViewModel {
    /** The filter choice that lets every family or task through. */
    public static final String ALL = "All";

    /** The templates the filters let through: the built-in ones and the user's own, each in library order. */
    public record Shown(List<TemplateFacts> builtIn, List<TemplateFacts> mine) {
    }

    private final List<TemplateFacts> builtIn;
    private final List<TemplateFacts> mine = new ArrayList<>();
    private final ObservableList<String> families = FXCollections.observableArrayList();
    private final ObservableList<String> tasks = FXCollections.observableArrayList();
    private final ObservableList<String> everyTask = FXCollections.observableArrayList();
    private final StringProperty family = new SimpleStringProperty(ALL);
    private final StringProperty task = new SimpleStringProperty(ALL);
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<TemplateFacts> chosen = new SimpleObjectProperty<>();
    /** True while a family change sets the task choices (and perhaps the task): the templates are filtered once after. */
    private boolean offering;

    /** A gallery of the {@code builtIn} templates and the user's {@code mine}, with both filters at {@link #ALL}. */
    public GalleryViewModel(List<TemplateFacts> builtIn, List<TemplateFacts> mine) {
        this.builtIn = List.copyOf(builtIn);
        this.mine.addAll(mine);
        family.addListener((o, was, now) -> {
            if (offering) {
                return;
            }
            if (now == null) {
                family.set(ALL);
                return;
            }
            offerChoices();
            filter();
        });
        task.addListener((o, was, now) -> {
            if (offering) {
                return;
            }
            if (now == null) {
                task.set(ALL);
                return;
            }
            filter();
        });
        offerChoices();
        filter();
    }

    /** The user's templates read again (one was removed or added): the choices and the shown templates follow. */
    public void setMine(List<TemplateFacts> templates) {
        mine.clear();
        mine.addAll(templates);
        offerChoices();
        filter();
    }

    /** {@link #ALL} and every family of a template, in alphabetical order. */
    public ObservableList<String> families() {
        return families;
    }

    /** {@link #ALL} and every task a template of the chosen family learns (of any family at {@link #ALL}). */
    public ObservableList<String> tasks() {
        return tasks;
    }

    /**
     * {@link #ALL} and every task of any template, whatever family is chosen: the names the Task box is made wide
     * enough for, so that it does not change width (and the row does not move) as the family changes its choices.
     */
    public ObservableList<String> everyTask() {
        return everyTask;
    }

    public StringProperty familyProperty() {
        return family;
    }

    public StringProperty taskProperty() {
        return task;
    }

    /** The templates the filters let through; a new value after each change of a filter or of the user's templates. */
    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The template the user clicked; cleared when the filters hide it. */
    public ObjectProperty<TemplateFacts> chosenProperty() {
        return chosen;
    }

    /** What the user's section says when it shows none of their templates. */
    public String noneOfMine() {
        return mine.isEmpty()
                ? "None yet. File > Save as Template… keeps the open network, its data and settings here."
                : "None of your templates is of this family and task.";
    }

    /** What the built-in section says when the filters let none of its templates through. */
    public String noneBuiltIn() {
        return "No built-in template is of this family and task; choose All in one of them.";
    }

    /** The facts the filters let through, in library order; {@code null} or {@link #ALL} lets everything through. */
    static List<TemplateFacts> shown(List<TemplateFacts> all, String family, String task) {
        return all.stream().filter(matches(family, TemplateFacts::family))
                .filter(matches(task, TemplateFacts::task)).toList();
    }

    private static Predicate<TemplateFacts> matches(String choice, java.util.function.Function<TemplateFacts, String> of) {
        return f -> choice == null || ALL.equals(choice) || of.apply(f).equals(choice);
    }

    /**
     * Sets the families and the chosen family's tasks, keeping each chosen filter that is still offered and putting
     * {@link #ALL} back in place of one that is not (a removed template's family, a task the new family lacks).
     */
    private void offerChoices() {
        // Read before the lists change: a combo box shown on a list may clear its value when the list is replaced.
        String wantedFamily = family.get();
        String wantedTask = task.get();
        offering = true;
        try {
            List<TemplateFacts> every = new ArrayList<>(builtIn);
            every.addAll(mine);
            List<String> f = withAll(every.stream().map(TemplateFacts::family).toList());
            if (!f.equals(families)) {
                families.setAll(f);
            }
            family.set(families.contains(wantedFamily) ? wantedFamily : ALL);
            List<String> all = withAll(every.stream().map(TemplateFacts::task).toList());
            if (!all.equals(everyTask)) {
                everyTask.setAll(all);
            }
            List<String> t = withAll(shown(every, family.get(), ALL).stream().map(TemplateFacts::task).toList());
            if (!t.equals(tasks)) {
                tasks.setAll(t);
            }
            task.set(tasks.contains(wantedTask) ? wantedTask : ALL);
        } finally {
            offering = false;
        }
    }

    private static List<String> withAll(List<String> names) {
        List<String> out = new ArrayList<>();
        out.add(ALL);
        out.addAll(new TreeSet<>(names));
        return out;
    }

    private void filter() {
        Shown now = new Shown(shown(builtIn, family.get(), task.get()), shown(mine, family.get(), task.get()));
        TemplateFacts c = chosen.get();
        if (c != null && !now.builtIn().contains(c) && !now.mine().contains(c)) {
            chosen.set(null);
        }
        shown.set(now);
    }
}
