// The 10-minute run's heartbeat: when it last finished and whether a step failed (自己診断, onOpen).
import { decodeHeartbeat, encodeHeartbeat, type Heartbeat } from '../../core/selfCheck';
import { documentProperties, PROPERTY } from '../properties';
import { describeError } from '../runAction';

/** Document property: when the last 10-minute run finished and whether a step failed (自己診断, onOpen). */
export const HEARTBEAT_PROPERTY = PROPERTY.lastTenMinuteRun;

/** Records that a 10-minute run finished. Never throws: it must not hide the run's own error. */
export function recordHeartbeat(finishedAt: Date, failed: boolean): void {
  try {
    documentProperties().setProperty(HEARTBEAT_PROPERTY, encodeHeartbeat({ finishedAt, failed }));
  } catch (error) {
    console.error(`tick heartbeat not recorded: ${describeError(error)}`);
  }
}

/** The last 10-minute run as recorded, or null. Works in simple triggers (onOpen) too. */
export function readHeartbeat(): Heartbeat | null {
  return decodeHeartbeat(documentProperties().getProperty(HEARTBEAT_PROPERTY));
}
