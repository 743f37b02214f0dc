/**
 * Working-day calendars: UK bank holidays by region (1970–2100) and the deadline arithmetic every
 * back end shares (see {@link org.escalon.calendar.WorkingCalendar} for the counting rules).
 * No third-party dependencies.
 */
package org.escalon.calendar;
