package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.instance.Configuration;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.out.EventPolls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps the polling schedule in step with instances: an instance whose effective configuration asks
 * for events by polling ({@code event.notification.enabled} true, {@code event.vendor.type}
 * {@code polling}), of an element that can poll, is polled every {@code event.poller.refresh_interval}
 * minutes; any other is not polled.
 */
final class PollSchedule {
    static final String POLLING = "polling";
    /** Cloud Elements' poller interval when the instance names none, in minutes. */
    static final long DEFAULT_INTERVAL_MINUTES = 15;

    private final EventPolls polls;
    private final Clock clock;

    PollSchedule(EventPolls polls, Clock clock) {
        this.polls = requireNonNull(polls, "polls");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * How often the instance is polled, or empty when it is not.
     *
     * @param configuration the instance's effective configuration
     */
    static Optional<Duration> interval(RegisteredElement element, Configuration configuration) {
        boolean polled = element.provider().poller().isPresent()
                && configuration.flag(CommonConfiguration.EVENTS_ENABLED, false)
                && configuration.get(CommonConfiguration.EVENT_VENDOR_TYPE)
                        .map(type -> type.trim().toLowerCase(Locale.ROOT)).filter(POLLING::equals).isPresent();
        return polled
                ? Optional.of(Duration.ofMinutes(configuration.positiveNumber(CommonConfiguration.EVENT_POLLER_INTERVAL,
                        DEFAULT_INTERVAL_MINUTES)))
                : Optional.empty();
    }

    /** A new instance: polled from now on, first one interval from now, when its configuration asks for it. */
    void created(RegisteredElement element, Instance instance, Configuration configuration) {
        interval(element, configuration).ifPresent(every -> start(instance.id(), every));
    }

    /**
     * A changed instance: starts or stops polling when the change turned it on or off, and moves the
     * next poll when the interval changed. Changes that leave polling as it was leave the schedule
     * alone, so an instance that is edited often is still polled.
     */
    void changed(RegisteredElement element, Configuration before, Instance instance, Configuration after) {
        Optional<Duration> was = interval(element, before);
        Optional<Duration> now = interval(element, after);
        if (now.isEmpty()) {
            polls.unschedule(instance.id());
        } else if (!now.equals(was)) {
            start(instance.id(), now.get());
        }
    }

    void deleted(InstanceId instance) {
        polls.unschedule(instance);
    }

    private void start(InstanceId instance, Duration every) {
        Instant now = clock.instant();
        polls.schedule(instance, now, now.plus(every));
    }
}
