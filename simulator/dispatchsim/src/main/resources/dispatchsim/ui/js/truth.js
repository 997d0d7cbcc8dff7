/*
 * The truth about one job, followed entry by entry, so that a report (ListDispatch) can be shown beside what
 * had really happened at that moment. Pure functions over a job record that model.js keeps.
 */
'use strict';

DS.Truth = {
  newJob(room, dispatchId, jobId, agentName) {
    return {room, dispatchId, jobId, agentName, workerId: '', offered: false, offerDropped: false, answered: null,
      timedOut: false, assigned: false, delivered: false, status: '', terminated: false, undeliverable: ''};
  },

  /** Applies one entry that concerns the job. */
  apply(job, type, e) {
    switch (type) {
      case 'AvailabilityRequested': job.offered = true; job.workerId = e.workerId; break;
      case 'AvailabilityAnswered': job.answered = !!e.available; job.workerId = e.workerId; break;
      case 'AvailabilityTimedOut': job.timedOut = true; break;
      case 'AvailabilityAnswerIgnored': job.timedOut = true; job.workerId = e.workerId; break;
      case 'JobAssigned': job.assigned = true; job.delivered = !!e.delivered; job.workerId = e.workerId; break;
      case 'JobStatusUpdated': job.status = e.status; break;
      case 'JobTerminated': job.terminated = true; job.status = e.status || job.status; break;
      case 'DispatchUndeliverable': job.undeliverable = e.reason; break;
      default: break;
    }
  },

  /** A fault that touched the job's own frames. */
  applyFault(job, fault) {
    if (fault.hookPoint === 'availability_request' && fault.effect.type === 'drop') {
      job.offerDropped = true;
      job.workerId = job.workerId || (fault.targets || {}).worker || '';
    }
  },

  /** One phrase: where the job really is. */
  describe(job) {
    if (!job) return 'no job was ever launched';
    if (job.undeliverable) return 'undeliverable: ' + job.undeliverable;
    if (job.terminated) return 'terminated' + (job.status ? ' (' + job.status + ')' : '');
    if (job.assigned && !job.delivered) return 'assigned, but the JobAssignment never reached ' + job.workerId;
    if (job.status) return 'the worker reports ' + job.status;
    if (job.assigned) return 'assigned to ' + job.workerId + ' and delivered';
    if (job.timedOut) return 'lost: no availability answer in time';
    if (job.answered === false) return 'declined by ' + job.workerId;
    if (job.offered) return 'offered to ' + job.workerId + ', no answer yet';
    if (job.offerDropped) return 'never offered: its AvailabilityRequest was dropped';
    return 'not offered to any worker yet';
  },

  /** Whether a report of {@code status} is a lie about the job: it claims more than really happened. */
  isLie(job, status) {
    if (!job) return true;
    if (status === 'JS_RUNNING') return !(job.assigned && job.delivered) || job.terminated;
    if (status === 'JS_SUCCESS' || status === 'JS_FAILED') return job.status !== status;
    return false;
  }
};
