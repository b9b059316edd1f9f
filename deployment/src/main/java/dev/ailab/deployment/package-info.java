/** The idempotent state store, deployment state detection, age-encrypted secrets, backups and Podman control. */
package dev.ailab.deployment;
