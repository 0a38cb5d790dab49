"""Reading sources into the document model: a leaflet's file, its front matter and Markdown,
the shared glossary, and the pictures it shows. Nothing here knows about outputs."""
