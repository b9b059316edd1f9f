/** Source handlers behind one interface: git (JGit), archive, network, local path; and the deployment modes. */
package dev.ailab.sources;
