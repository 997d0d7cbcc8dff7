package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.internal.fault.FaultEffect.Fail;
import dev.dispatchsim.model.ErrorCode;

import java.util.List;

/** Reads the one error of {@code do: {type: fail, ...}}: twirp, http_status (+ body) or ws_close. */
final class FailureReader {

    private FailureReader() {
    }

    static Fail.Failure read(Fields f, Problems problems) {
        List<String> given = f.present(Fail.Failure.KEY_NAMES);
        if (given.size() != 1) {
            throw Problems.at(f.location(), "effect 'fail' needs exactly one of twirp, http_status, ws_close; got "
                    + (given.isEmpty() ? "none" : String.join(", ", given)), String.join(", ", given),
                    Fail.Failure.KEY_NAMES);
        }
        String kind = given.get(0);
        if (!kind.equals("http_status") && f.optional("body").isPresent()) {
            throw Problems.at(f.optional("body").get().location(),
                    "'body' only goes with 'http_status', not with '" + kind + "'", "body", List.of("http_status"));
        }
        Node node = f.required(kind);
        switch (kind) {
            case "twirp":
                Fields t = Fields.of(node, "'twirp'", "twirp key", List.of("code", "msg"), problems);
                return new Fail.Twirp(Scalars.oneOf(t.required("code"), "twirp code", ErrorCode.wireNames(),
                        ErrorCode::find), t.optional("msg").map(n -> Scalars.text(n, "msg")).orElse(""));
            case "http_status":
                return new Fail.HttpStatus(Scalars.smallInt(node, "http_status", 400, 599),
                        f.optional("body").map(n -> Scalars.text(n, "body")).orElse(""));
            default:
                Fields w = Fields.of(node, "'ws_close'", "ws_close key", List.of("code", "reason"), problems);
                return new Fail.WsClose(Scalars.smallInt(w.required("code"), "code", 1000, 4999),
                        w.optional("reason").map(n -> Scalars.text(n, "reason")).orElse(""));
        }
    }
}
