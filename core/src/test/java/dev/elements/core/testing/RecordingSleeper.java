package dev.elements.core.testing;

import dev.elements.core.port.out.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Notes the pauses the platform asks for and returns at once, so no test waits through them. */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        pauses.add(duration);
    }

    /** The pauses asked for, oldest first. */
    public List<Duration> pauses() {
        return new ArrayList<>(pauses);
    }
}
