"""The normal dispatch flow with the real Python clients: LiveKitAPI drives the simulator, a real
livekit-agents worker takes the jobs and its agent contacts the backend. Unlike Node, the Python
worker reports job status (UpdateJobStatus), and the journal records it."""

from __future__ import annotations

from google.protobuf.json_format import MessageToDict
from livekit import api

from harness.app import AGENT_NAME, call, end_session, list_dispatch, run_session
from harness.journal import await_entry, matching
from harness.procs import is_alive
from harness.wait import wait_for


def _agent_dispatches(env, room: str) -> list[dict]:
    """list_dispatch as proto3 JSON (enum names), only the app's agent."""
    return [MessageToDict(d) for d in list_dispatch(env.sim, room) if d.agent_name == AGENT_NAME]


def test_should_deliver_the_create_room_agent_to_the_worker_whose_agent_contacts_the_backend(env):
    env.require()
    # GIVEN a registered worker  WHEN the app creates a room with the agent
    session = run_session(env.sim, env.backend, "normal-create-room")

    # THEN the job arrived without any fallback, and list_dispatch shows it running on that job id: this
    # is the first launch after the worker registered, so (as on livekit-server) it is listed only 5 s
    # after its assignment, with jobs: [] until then
    assert session.delivered_by_create_room
    contact = env.backend.events_for("normal-create-room")[0]
    last_listed: list[list[dict]] = [[]]

    def listed_with_job():
        last_listed[0] = _agent_dispatches(env, "normal-create-room")
        return last_listed[0] if len(last_listed[0]) == 1 and last_listed[0][0].get("state", {}).get("jobs") else None

    [dispatch] = wait_for("list_dispatch to list the job", listed_with_job, timeout=15, interval=0.2,
                          last_seen=lambda: last_listed[0])
    assert dispatch["id"] == contact["dispatchId"]
    assert [(j["id"], j["state"]["status"], j["state"]["participantIdentity"]) for j in dispatch["state"]["jobs"]] \
        == [(contact["jobId"], "JS_RUNNING", f"agent-{contact['jobId']}")]
    end_session(env.sim, "normal-create-room")


def test_should_deliver_a_create_dispatch_for_a_room_created_without_agents(env):
    env.require()
    # GIVEN a room without agents (it gets the implicit empty-name dispatch, which this worker never takes)
    call(env.sim, lambda lk: lk.room.create_room(api.CreateRoomRequest(name="normal-create-dispatch")))

    # WHEN the app dispatches the agent explicitly
    created = call(env.sim, lambda lk: lk.agent_dispatch.create_dispatch(api.CreateAgentDispatchRequest(
        agent_name=AGENT_NAME, room="normal-create-dispatch", metadata='{"mode":"shutdown"}')))

    # THEN that dispatch's job reaches the agent
    contact = env.backend.wait_for("agent contacted backend", "normal-create-dispatch", timeout=10)
    assert (contact["dispatchId"], contact["agentName"]) == (created.id, AGENT_NAME)
    assert sorted(d.agent_name for d in list_dispatch(env.sim, "normal-create-dispatch")) == ["", AGENT_NAME]
    end_session(env.sim, "normal-create-dispatch")


def test_should_send_no_job_termination_when_the_room_is_deleted_and_end_the_job_on_delete_dispatch(env):
    env.require(admin=True)
    # GIVEN two jobs that stay until the server ends them
    run_session(env.sim, env.backend, "normal-delete-room", mode="stay")
    run_session(env.sim, env.backend, "normal-delete-dispatch", mode="stay")
    kept = env.backend.events_for("normal-delete-room")[0]
    ended = env.backend.events_for("normal-delete-dispatch")[0]
    assert is_alive(kept["pid"]), "the job process runs while the job does"

    # WHEN the app deletes the first room
    end_session(env.sim, "normal-delete-room")

    # THEN, as on livekit-server, the worker is sent no JobTermination: the journal, where a termination
    # would stand before the DeleteRoom call's own entry, has none, and the job process runs on
    journal = env.sim.admin.journal()
    assert len(matching(journal, "TwirpCall", method="DeleteRoom", room="normal-delete-room")) == 1
    assert matching(journal, "JobTerminated", jobId=kept["jobId"]) == []
    assert is_alive(kept["pid"]), "the job process outlives its room"

    # WHEN the app deletes the second room's dispatch instead
    call(env.sim, lambda lk: lk.agent_dispatch.delete_dispatch(ended["dispatchId"], "normal-delete-dispatch"))

    # THEN that job is terminated (after the listing lag if its launch was a cold one) and its process exits
    shutdown = env.backend.wait_for("job shutting down", "normal-delete-dispatch", timeout=15)
    assert shutdown["jobId"] == ended["jobId"]
    wait_for(f"job process {ended['pid']} to exit", lambda: not is_alive(ended["pid"]), timeout=20)
    end_session(env.sim, "normal-delete-dispatch")


def test_should_journal_the_python_workers_job_status_reports(env):
    env.require(admin=True)
    # GIVEN a job that ends itself, in a room the app keeps until the worker has reported the end
    run_session(env.sim, env.backend, "normal-job-status")
    ended = env.backend.events_for("normal-job-status", "agent contacted backend")[0]["jobId"]

    # THEN the worker reported JS_RUNNING once its process took the job, JS_SUCCESS when it exited,
    # and deleting the room afterwards terminates nothing (the server already counts the job ended)
    await_entry(env.sim.admin, "JobStatusUpdated", jobId=ended, status="JS_SUCCESS")
    end_session(env.sim, "normal-job-status")
    journal = env.sim.admin.journal()
    assert [e["status"] for e in matching(journal, "JobStatusUpdated", jobId=ended)] == ["JS_RUNNING", "JS_SUCCESS"]
    assert matching(journal, "JobTerminated", jobId=ended) == []

    # A job the server terminated (the deleted dispatch above): the termination was sent and ended the
    # job on the server's side, so the worker's later JS_SUCCESS is ignored, as livekit-server does
    terminated = env.backend.events_for("normal-delete-dispatch", "agent contacted backend")[0]["jobId"]
    await_entry(env.sim.admin, "JobTerminated", jobId=terminated, sent=True)
    journal = env.sim.admin.journal()
    assert [e["status"] for e in matching(journal, "JobStatusUpdated", jobId=terminated)] == ["JS_RUNNING"]
    for job_id in (ended, terminated):
        assert len(matching(journal, "AvailabilityAnswered", jobId=job_id, available=True,
                            participantIdentity=f"agent-{job_id}")) == 1
        assert len(matching(journal, "JobAssigned", jobId=job_id, delivered=True)) == 1
