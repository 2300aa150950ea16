import type { EventsResponse } from '../lib/runs/api';
import type { RunEvent } from '../lib/runs/events';

/** Someone watching a run live: has seen up to `cursor`, gets what follows. */
export interface Watcher {
  cursor: number;
  send(events: RunEvent[], cursor: number): void;
}

interface Watched {
  watchers: Set<Watcher>;
  busy: boolean;
  again: boolean;
}

/**
 * The live side of runs in one instance. A notification only says that a run
 * has news; the hub reads what is new once per run, from the lowest cursor
 * its watchers have seen, and gives each watcher what it has not seen. So a
 * hundred watchers of a run cost one read, and a missed or doubled
 * notification costs nothing but a read.
 */
export class RunHub {
  private readonly runs = new Map<string, Watched>();

  constructor(
    private readonly read: (name: string, cursor: number) => Promise<EventsResponse>,
    private readonly log: (message: string) => void,
  ) {}

  /** Starts sending the run's events after `watcher.cursor` to the watcher. Returns how to stop. */
  watch(name: string, watcher: Watcher): () => void {
    let run = this.runs.get(name);
    if (!run) this.runs.set(name, (run = { watchers: new Set(), busy: false, again: false }));
    run.watchers.add(watcher);
    void this.notify(name);
    return () => {
      run.watchers.delete(watcher);
      if (run.watchers.size === 0 && this.runs.get(name) === run) this.runs.delete(name);
    };
  }

  /** Something was committed to the run: catch its watchers up. */
  async notify(name: string): Promise<void> {
    const run = this.runs.get(name);
    if (!run) return;
    if (run.busy) {
      run.again = true;
      return;
    }
    run.busy = true;
    try {
      do {
        run.again = false;
        await this.catchUp(name, run);
      } while (run.again);
    } catch (error) {
      // The next notification, or the next sweep, tries again from the same cursors.
      this.log(`could not read run ${name} for its watchers: ${(error as Error).message}`);
    } finally {
      run.busy = false;
    }
  }

  /** Catches up every watched run: after notifications may have been missed. */
  async notifyAll(): Promise<void> {
    await Promise.all([...this.runs.keys()].map((name) => this.notify(name)));
  }

  /** How many watchers this instance has. */
  get watchers(): number {
    let count = 0;
    for (const run of this.runs.values()) count += run.watchers.size;
    return count;
  }

  private async catchUp(name: string, run: Watched): Promise<void> {
    for (;;) {
      if (run.watchers.size === 0) return;
      const from = Math.min(...[...run.watchers].map((watcher) => watcher.cursor));
      const page = await this.read(name, from);
      let behind = false;
      for (const watcher of run.watchers) {
        // One that joined during the read, from before where it began: the page lacks its first events, so the next read is from its cursor.
        if (watcher.cursor < from) behind = true;
        else if (page.cursor > watcher.cursor) {
          const unseen = page.cursor - watcher.cursor;
          watcher.cursor = page.cursor;
          watcher.send(page.events.slice(-unseen), page.cursor);
        }
      }
      if (!page.more && !behind) return;
    }
  }
}
