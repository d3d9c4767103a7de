/**
 * The app's light and dark themes: the choice ({@link org.netwright.app.theme.Theme}), where it is remembered
 * ({@link org.netwright.app.theme.ThemePreference}), what the desktop prefers
 * ({@link org.netwright.app.theme.SystemTheme}), and applying it to every window and chart
 * ({@link org.netwright.app.theme.Themes}, {@link org.netwright.app.theme.ChartColors}).
 */
package org.netwright.app.theme;
