package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.profile.ProfileException;

import java.util.LinkedHashMap;
import java.util.Map;

/** A rejected profile as an admin error: 400 {@code invalid_profile} with its location. */
final class ProfileErrors {

    private ProfileErrors() {
    }

    static AdminException toAdmin(ProfileException rejected) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", rejected.file());
        details.put("line", rejected.line());
        details.put("column", rejected.column());
        details.put("problem", rejected.problem());
        details.put("badValue", rejected.badValue());
        details.put("validValues", rejected.validValues());
        return new AdminException(400, "invalid_profile", rejected.getMessage(), details);
    }
}
