// Lets preview.ts import the generated manifest without enabling resolveJsonModule
// project-wide; Vite loads the JSON itself.
declare module '*/custom-elements.json' {
  const manifest: object;
  export default manifest;
}
