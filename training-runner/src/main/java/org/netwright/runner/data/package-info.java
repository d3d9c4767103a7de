/**
 * The user's data as named fields: readers for CSV tables, IDX, image folders, text, time series and graph tables,
 * the limits every file must respect (DataFiles), and DataSources, which turns a stored data source into samples.
 */
package org.netwright.runner.data;
