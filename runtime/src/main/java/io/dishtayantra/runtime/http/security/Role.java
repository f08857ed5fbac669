package io.dishtayantra.runtime.http.security;

/** What a caller may do: a viewer reads, an admin also changes things. */
public enum Role {
    VIEWER,
    ADMIN;

    /** Whether this role includes everything {@code required} allows. */
    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }

    /** Parses {@code admin} or {@code viewer}, ignoring case. */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(text)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + text + "'; use admin or viewer.");
    }

    /** The lowercase name used in files and JSON. */
    public String label() {
        return name().toLowerCase();
    }
}
