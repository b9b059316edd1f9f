package dev.ailab.generators.vectorweight;

/** One kind of output of the generated repository; the parts never write the same path. */
interface RepositoryPart {
    void writeTo(OutputFiles out);
}
