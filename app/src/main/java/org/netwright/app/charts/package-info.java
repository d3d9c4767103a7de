/**
 * What every chart of the app offers: its picture saved as PNG and its data as CSV, from the chart's right-click menu
 * ({@link org.netwright.app.charts.ChartExport}).
 */
package org.netwright.app.charts;
