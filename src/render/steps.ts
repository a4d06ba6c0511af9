export { type Step, type Steps, siteTracks, stepFor, stepsOf } from '../core/site-steps.js';
