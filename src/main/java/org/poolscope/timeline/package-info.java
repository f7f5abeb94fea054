/**
 * The run's timeline as a picture: one Java2D painter ({@link org.poolscope.timeline.TimelinePainter})
 * for the window and for PNG files, its layout and hit testing ({@link org.poolscope.timeline.TimelineLayout}),
 * the time window and size ({@link org.poolscope.timeline.Viewport}) and the look
 * ({@link org.poolscope.timeline.TimelineStyle}). Reads the engine's Timeline and the chart palette;
 * knows no JavaFX, no export and no CLI, which use it.
 */
package org.poolscope.timeline;
