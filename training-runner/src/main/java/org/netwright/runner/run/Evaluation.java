package org.netwright.runner.run;

/** A loss and an accuracy measured on one part of the data; nulls when that part is empty. */
record Evaluation(Double loss, Double accuracy) {
    static final Evaluation NONE = new Evaluation(null, null);
}
