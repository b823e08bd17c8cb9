/** Implementation details of the Selenium connector; not an API. */
package dev.browsersessions.selenium.internal;
