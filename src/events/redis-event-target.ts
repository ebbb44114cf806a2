// An EventTarget that carries events between API instances through Redis pub/sub, and falls
// back to this process alone while Redis is unreachable, so that an outage degrades live
// events instead of crashing the process.
//
// Written here rather than taken from @graphql-yoga/redis-event-target: that one calls
// `publish` and `subscribe` without handling their promises, so with Redis down every
// publish became an unhandled rejection (ioredis MaxRetriesPerRequestError) and the process
// exited. What is ours is the policy: fail fast, deliver locally, log the change of state
// once, and resubscribe when Redis is back.
import { setMaxListeners } from 'node:events';
import type { Redis } from 'ioredis';
import { ioredis } from '../lazy-package.js';
import type { Logger } from '../logger.js';

export interface RedisEventTargetOptions {
  url: string;
  logger: Logger;
}

export interface ResilientEventTarget extends EventTarget {
  /** True while events go through Redis (every instance sees them); false while only this process does. */
  readonly connected: boolean;
  close(): Promise<void>;
}

export function createResilientRedisEventTarget({ url, logger }: RedisEventTargetOptions): ResilientEventTarget {
  // Every listener of this process hangs on one local target; Redis messages are re-dispatched
  // to it, and so are this process's own events while Redis is away.
  const local = new EventTarget();
  // One listener per subscription on the account's topic: lift Node's 10-listener warning.
  setMaxListeners(0, local);
  const listeners = new Map<string, number>();
  // Fail fast instead of queueing: a publish during an outage goes local at once, and no
  // queued command can reject later, when nobody waits for it.
  const clientOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: false };
  const { Redis: RedisClient } = ioredis();
  const publisher = new RedisClient(url, clientOptions);
  // A client in subscriber mode cannot publish: a second connection.
  const subscriber = new RedisClient(url, { ...clientOptions, autoResubscribe: false });
  let degraded = false;
  let closing = false;
  // Whether Redis knows this process's topics since the subscriber last connected.
  let synced = false;

  const degrade = (err: unknown) => {
    if (degraded || closing) return;
    degraded = true;
    logger.warn({ err }, 'Redis is unreachable: live events reach only the subscribers of this instance until it returns');
  };
  const recover = () => {
    if (!degraded || closing) return;
    degraded = false;
    logger.info('Redis is back: live events reach every instance again');
  };
  const ready = () => publisher.status === 'ready' && subscriber.status === 'ready' && synced;

  const subscribeTopics = (topics: string[], resync = false) => {
    if (subscriber.status !== 'ready') return;
    if (topics.length === 0) {
      if (resync) synced = true;
      if (ready()) recover();
      return;
    }
    subscriber.subscribe(...topics).then(
      () => {
        if (resync) synced = true;
        if (ready()) recover();
      },
      (err: unknown) => degrade(err),
    );
  };

  for (const client of [publisher, subscriber]) {
    client.on('error', (err: unknown) => degrade(err));
    client.on('close', () => degrade(new Error('Redis connection closed')));
  }
  publisher.on('ready', () => (ready() ? recover() : undefined));
  // After a reconnect Redis has forgotten the subscriptions: subscribe again to every topic
  // that has listeners (autoResubscribe is off, as it would miss topics added while down).
  subscriber.on('close', () => (synced = false));
  subscriber.on('ready', () => subscribeTopics([...listeners.keys()], true));
  subscriber.on('message', (channel: string, message: string) => {
    let detail: unknown;
    try {
      detail = message === '' ? null : JSON.parse(message);
    } catch (err) {
      logger.warn({ err, channel }, 'unreadable event from Redis ignored');
      return;
    }
    local.dispatchEvent(new CustomEvent(channel, { detail }));
  });

  return {
    get connected() {
      return ready();
    },
    addEventListener(type, callback, options) {
      local.addEventListener(type, callback, options);
      const count = listeners.get(type) ?? 0;
      listeners.set(type, count + 1);
      if (count === 0) subscribeTopics([type]);
    },
    removeEventListener(type, callback, options) {
      local.removeEventListener(type, callback, options);
      const count = listeners.get(type) ?? 0;
      if (count <= 1) {
        listeners.delete(type);
        if (subscriber.status === 'ready') subscriber.unsubscribe(type).catch((err: unknown) => degrade(err));
      } else {
        listeners.set(type, count - 1);
      }
    },
    dispatchEvent(event) {
      const detail = (event as CustomEvent).detail as unknown;
      if (!ready()) {
        degrade(new Error(`Redis connection is ${publisher.status}/${subscriber.status}`));
        return local.dispatchEvent(new CustomEvent(event.type, { detail }));
      }
      publisher.publish(event.type, detail === undefined ? '' : JSON.stringify(detail)).then(recover, (err: unknown) => {
        // The publish may or may not have reached Redis; local subscribers get it either way
        // (a possible duplicate here is harmless: events name what changed, clients re-query).
        degrade(err);
        local.dispatchEvent(new CustomEvent(event.type, { detail }));
      });
      return true;
    },
    async close() {
      closing = true;
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
