/**
 * A worker in a process of its own, for tests that kill one or run two side by side. Started by
 * `startWorkerProcess` with `node -r @swc-node/register`; the environment says where to connect.
 */
import 'reflect-metadata';
import { createWorkerContext } from '@app/worker';

void createWorkerContext().then(() => process.send?.('ready'));
