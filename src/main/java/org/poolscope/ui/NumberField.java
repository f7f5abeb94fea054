package org.poolscope.ui;

import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/**
 * A text field for a whole number in a range: every keystroke is parsed, a valid value is pushed to
 * the model at once, an invalid one leaves the model alone and sets {@link #problem()} to a sentence
 * naming the field and what it accepts (the window shows it and disables Run).
 */
final class NumberField extends TextField {

    private final String name;
    private final long min;
    private final long max;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    NumberField(String name, long min, long max, long initial, LongConsumer onValid) {
        super(Long.toString(initial));
        this.name = name;
        this.min = min;
        this.max = max;
        setPrefColumnCount(9);
        setId("field-" + name.replace(' ', '-').replace("%", "percent"));
        setTooltip(new Tooltip(name + ": a whole number from " + min + " to " + max));
        getStyleClass().add("ps-number");
        textProperty().addListener((obs, old, text) -> {
            String why = check(text);
            problem.set(why);
            pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, !why.isEmpty());
            if (why.isEmpty()) {
                onValid.accept(Long.parseLong(text.strip().replace("_", "")));
            }
        });
    }

    private String check(String text) {
        String t = text.strip().replace("_", "");
        if (t.isEmpty()) {
            return name + " is empty";
        }
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            return name + ": '" + text.strip() + "' is not a whole number";
        }
        if (v < min || v > max) {
            return name + " must be " + min + "…" + max + " (was " + v + ")";
        }
        return "";
    }

    /** Shows {@code value} without reporting it back as a user edit loop (equal text is not set again). */
    void show(long value) {
        String text = Long.toString(value);
        if (!text.equals(getText().strip())) {
            setText(text);
        }
    }

    /** "" when the text is a valid value, else why not. */
    ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }
}
