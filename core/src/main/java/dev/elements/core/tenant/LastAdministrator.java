package dev.elements.core.tenant;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;

/** The one refusal of a change that would leave an organization without an active org-admin. */
public final class LastAdministrator {
    private LastAdministrator() {
    }

    public static PlatformException refused() {
        return new PlatformException(ErrorCode.LAST_ADMINISTRATOR,
                "An organization keeps at least one active org-admin; make another user org-admin first");
    }
}
