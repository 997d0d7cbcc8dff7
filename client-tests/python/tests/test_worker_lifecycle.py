"""The worker's own life: the server closes its socket and it comes back at once; a job that ran
across the reconnect is forgotten by the server; and what happens to job processes when the
worker dies."""

from __future__ import annotations

import signal

from harness.app import end_session, run_session
from harness.journal import await_entry, matching
from harness.procs import is_alive, processes_with_marker, stop_group
from harness.wait import wait_for


def test_should_reconnect_after_the_server_closes_the_socket_and_forget_the_running_job(env):
    env.require(admin=True)
    # GIVEN a job that stays running on the registered worker
    run_session(env.sim, env.backend, "across-reconnect", mode="stay")
    running = env.backend.events_for("across-reconnect", "agent contacted backend")[0]
    [registered] = matching(env.sim.admin.journal(type="WorkerRegistered"), "WorkerRegistered", agentName="stt-agent")
    since = env.sim.admin.journal()[-1]["seq"]
    registrations = len(env.worker.registrations())

    # WHEN the server closes the worker's socket with 1011
    env.sim.admin.kill_worker(registered["workerId"], 1011)

    # THEN the server forgets the worker's running job, the worker registers again under a new id
    # (it re-announces the job with MigrateJobRequest, which livekit-server ignores, as the simulator does)
    gone = await_entry(env.sim.admin, "WorkerDisconnected", since=since, workerId=registered["workerId"])
    assert gone["forgottenJobIds"] == [running["jobId"]]
    again = env.worker.wait_registered(after=registrations)
    assert again != registered["workerId"]
    await_entry(env.sim.admin, "WorkerRegistered", since=since, workerId=again)

    # ...so deleting the room terminates nothing and the job process runs on, while new dispatches
    # reach the worker through its new registration
    end_session(env.sim, "across-reconnect")
    session = run_session(env.sim, env.backend, "after-reconnect")
    assert session.delivered_by_create_room
    journal = env.sim.admin.journal()
    assert matching(journal, "JobTerminated", jobId=running["jobId"]) == []
    assert is_alive(running["pid"]), "the forgotten job still runs"
    job_id = env.backend.events_for("after-reconnect", "agent contacted backend")[0]["jobId"]
    assert len(matching(journal, "JobAssigned", jobId=job_id, workerId=again)) == 1


# How long the job process may take to notice that the worker died and exit. It exits by itself (nothing to
# wait on but its own shutdown: a pipe read that ends, Python's exit handlers), which took about 1 s on an
# idle machine and more than 15 s once on a loaded one; the wait is by observation, so this generous bound
# costs nothing when it is quick.
PROCESS_EXIT_BOUND_S = 120


def test_should_end_its_job_processes_itself_when_the_worker_is_killed_unlike_node(env):
    env.require(admin=True)
    # GIVEN a running job (its process descends from the worker, through the forkserver)
    run_session(env.sim, env.backend, "orphan-check", mode="stay")
    job = env.backend.events_for("orphan-check", "agent contacted backend")[0]
    assert is_alive(job["pid"])
    # (the worker that runs it: it may have registered more than once in this module, see the test above)
    [assigned] = matching(env.sim.admin.journal(type="JobAssigned"), "JobAssigned", jobId=job["jobId"])
    since = env.sim.admin.journal()[-1]["seq"]

    # WHEN only the worker process is killed, with no chance to clean up
    env.worker.group.process.send_signal(signal.SIGKILL)
    env.worker.group.process.wait()

    # THEN the simulator sees the socket drop without a close frame and forgets the worker's running job
    # (what the simulator owns: deterministic, journalled)
    gone = await_entry(env.sim.admin, "WorkerDisconnected", since=since, workerId=assigned["workerId"])
    assert gone["code"] == 1006
    assert job["jobId"] in gone["forgottenJobIds"]  # beside any other job this module left running on it
    # AND the job process exits on its own once its pipe to the dead worker closes (the Node worker's job
    # processes do not: see the Node suite). The rest of the group (forkserver, resource tracker) is
    # livekit-agents' and multiprocessing's business: on a loaded machine it was once still there after
    # 2 minutes, so it is not part of what this test claims; the group is killed below.
    wait_for(f"job process {job['pid']} to exit", lambda: not is_alive(job["pid"]), timeout=PROCESS_EXIT_BOUND_S)
    stop_group(env.worker.group)
    assert [p for p in processes_with_marker(env.marker) if not p["cmdline"].startswith("java")] == []
