// Ids the application makes itself (runs, chat sessions, new visitors), before the row that carries them exists.
import { v7 as uuidv7 } from "uuid";

/**
 * A new run, chat or user id: a UUIDv7, whose first 48 bits are the time in milliseconds. Every table of a run is keyed
 * by its id first, so random (v4) ids put each run's rows on random leaf pages of every index: once those outgrow
 * shared_buffers each insert reads a page and dirties another, and after every checkpoint each first touch
 * writes a full page image to the WAL. Time-ordered ids keep the pages being written at the right edge
 * (docs/perf/issue-14.md §11). 74 bits stay random, and ids are never a credential: every read checks ownership.
 */
export const newId = (): string => uuidv7();
