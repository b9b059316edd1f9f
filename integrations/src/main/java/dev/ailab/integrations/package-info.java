/**
 * Integrations with outside systems: GitHub (repositories, two-way issue sync), Helm repository indexes,
 * Cerbos policies, vector store settings. Nothing here yet: the GitHub work is a later issue.
 */
package dev.ailab.integrations;
