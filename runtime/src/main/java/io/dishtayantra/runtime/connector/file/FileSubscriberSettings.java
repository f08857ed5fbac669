package io.dishtayantra.runtime.connector.file;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The config of a file subscriber.
 *
 * @param csv read CSV with a header line instead of JSON Lines
 * @param fromEnd with no saved position, start at the file's current end instead of its start
 * @param follow keep waiting for lines appended after the end (tail); false stops reading at the end
 * @param pollInterval how often to look for new lines at the end of the file
 * @param positionFile where the position is saved; null means the default under the data folder
 * @param positionWriteInterval minimum time between two position saves while running
 */
record FileSubscriberSettings(boolean csv, char delimiter, boolean fromEnd, boolean follow, Duration pollInterval,
        Path positionFile, Duration positionWriteInterval) {
}
