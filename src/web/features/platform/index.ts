// Public surface of the platform feature (health / deployment facts).
export { getHealth, healthQueryOptions, useHealth, type Health } from './api/get-health';
