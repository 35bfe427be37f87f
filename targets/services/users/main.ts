// Child entry of a users service instance.
import { serveChild } from '../../lifecycle/child.js';
import { startBackend } from '../backend.js';

serveChild(startBackend);
