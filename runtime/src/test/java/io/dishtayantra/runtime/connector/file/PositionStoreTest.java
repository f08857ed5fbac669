package io.dishtayantra.runtime.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionStoreTest {

    @TempDir
    Path folder;

    @Test
    void positionOfAnotherFileIsIgnoredAndNamed() throws Exception {
        Path positionFile = folder.resolve("pos.json");
        new PositionStore(positionFile, folder.resolve("a.jsonl")).save(42);

        PositionStore other = new PositionStore(positionFile, folder.resolve("b.jsonl"));

        assertThat(other.load()).isEqualTo(-1);
        assertThat(other.otherFile()).isEqualTo(folder.resolve("a.jsonl").toAbsolutePath().toString());
    }

    @Test
    void ownPositionIsLoaded() throws Exception {
        Path positionFile = folder.resolve("pos.json");
        new PositionStore(positionFile, folder.resolve("a.jsonl")).save(42);

        PositionStore same = new PositionStore(positionFile, folder.resolve("a.jsonl"));

        assertThat(same.load()).isEqualTo(42);
        assertThat(same.otherFile()).isNull();
    }
}
