package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.profile.ProfileException;
import dev.dispatchsim.profile.ProfileProblem;

import java.util.LinkedHashMap;
import java.util.Map;

/** A rejected profile as an admin error: 400 {@code invalid_profile} with its location. */
final class ProfileErrors {

    private ProfileErrors() {
    }

    private static Map<String, Object> problem(ProfileProblem p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", p.file());
        json.put("line", p.line());
        json.put("column", p.column());
        json.put("problem", p.problem());
        json.put("badValue", p.badValue());
        json.put("validValues", p.validValues());
        json.put("suggestion", p.suggestion());
        json.put("message", p.describe());
        return json;
    }

    static AdminException toAdmin(ProfileException rejected) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", rejected.file());
        details.put("line", rejected.line());
        details.put("column", rejected.column());
        details.put("problem", rejected.problem());
        details.put("badValue", rejected.badValue());
        details.put("validValues", rejected.validValues());
        details.put("problems", rejected.problems().stream().map(ProfileErrors::problem).toList());
        return new AdminException(400, "invalid_profile", rejected.getMessage(), details);
    }
}
