// Child entry of the `process` lifecycle: one fresh process per request (CGI, cold start).
import { serveOneRequest } from '../lifecycle/one-request.js';
import { buildMonolithFromConfig } from './factory.js';

serveOneRequest(buildMonolithFromConfig);
