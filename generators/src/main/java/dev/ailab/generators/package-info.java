/** Generators of the GitOps repository: Helm values and local charts, Argo CD objects, namespaces, policies, quotas. */
package dev.ailab.generators;
