package org.netwright.model.store;

/** A data set kept inside a project: its content hash, the name it was imported under, when, and its size in bytes. */
public record EmbeddedRecord(String hash, String name, String addedAt, long size) {
}
