package org.disclosureetl.bench;

/**
 * A table cell holding only an integer, located in a template's text: {@code start}/{@code end} are
 * the offsets of the digits, so a new value can be spliced in without touching anything else.
 */
public record NumberCell(int start, int end, long value) {
}
